package org.mtboard.reproduce.client

/**
 * A failed exchange with the service, already worded for the user: [lines] go to stderr (the first
 * one prefixed by `mtboard: error:` for exit 2, `mtboard: failed:` for exit 1), with no stack trace.
 */
class ServiceException(val exitCode: Int, val lines: List<String>) : RuntimeException(lines.joinToString("; "))
