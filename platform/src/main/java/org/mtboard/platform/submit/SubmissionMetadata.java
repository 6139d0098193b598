package org.mtboard.platform.submit;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.mtboard.platform.api.Problem;

/** What a submitter says about an entry (not part of the config, so not part of its hash). */
public record SubmissionMetadata(String method, String description, String paperUrl, String codeUrl) {
    static final int METHOD_MAX = 100;
    static final int DESCRIPTION_MAX = 2000;
    static final int URL_MAX = 500;

    List<Problem> problems() {
        List<Problem> p = new ArrayList<>();
        if (method != null && (method.isBlank() || method.length() > METHOD_MAX)) {
            p.add(new Problem("method", "must be 1 to " + METHOD_MAX + " characters; got " + method.length(), "1 to " + METHOD_MAX + " characters"));
        }
        if (description != null && description.length() > DESCRIPTION_MAX) {
            p.add(new Problem("description", "must be at most " + DESCRIPTION_MAX + " characters; got " + description.length(),
                    "at most " + DESCRIPTION_MAX + " characters"));
        }
        url("paper_url", paperUrl, p);
        url("code_url", codeUrl, p);
        return p;
    }

    private static void url(String field, String value, List<Problem> p) {
        if (value == null) {
            return;
        }
        String allowed = "an http or https URL of at most " + URL_MAX + " characters";
        try {
            URI u = new URI(value);
            if (value.length() > URL_MAX || u.getHost() == null || !("http".equals(u.getScheme()) || "https".equals(u.getScheme()))) {
                p.add(new Problem(field, "must be " + allowed, allowed));
            }
        } catch (java.net.URISyntaxException e) {
            p.add(new Problem(field, "is not a URL (" + e.getReason() + ")", allowed));
        }
    }
}
