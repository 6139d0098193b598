package org.mtboard.platform.submit;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.mtboard.platform.api.ApiError;

/** A request body as text: at most 256 KiB of valid UTF-8, or a 4xx naming the body. */
final class RequestText {
    static final int MAX_BYTES = 256 * 1024;

    private RequestText() {
    }

    static String decode(byte[] body) {
        if (body == null || body.length == 0) {
            throw ApiError.badField("body", "is empty; send the submission YAML (or JSON)", "a submission in YAML or JSON, UTF-8");
        }
        if (body.length > MAX_BYTES) {
            throw ApiError.tooLarge("body is " + body.length + " bytes; a submission is at most " + MAX_BYTES + " bytes");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw ApiError.badField("body", "is not valid UTF-8", "a submission in YAML or JSON, UTF-8");
        }
    }
}
