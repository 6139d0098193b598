package org.mtboard.reproduce

import com.fasterxml.jackson.databind.ObjectMapper

/** The CLI's JSON output: one compact object per line, keys in insertion order. */
object Json {
    private val mapper = ObjectMapper()

    fun write(value: Any): String = mapper.writeValueAsString(value)
}
