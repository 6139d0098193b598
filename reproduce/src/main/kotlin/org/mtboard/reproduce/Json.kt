package org.mtboard.reproduce

import com.fasterxml.jackson.databind.JsonNode
import com.fasterxml.jackson.databind.ObjectMapper
import com.fasterxml.jackson.databind.PropertyNamingStrategies

/**
 * The CLI's JSON output: one compact object per line, keys in insertion order, records in snake_case;
 * and the tree of a JSON document the service sent.
 */
object Json {
    private val mapper = ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)

    fun write(value: Any): String = mapper.writeValueAsString(value)

    fun read(text: String): JsonNode = mapper.readTree(text)
}
