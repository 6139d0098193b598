package org.mtboard.platform.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.mtboard.engine.recipe.RecipeFiles;

/**
 * Gives submissions stored before migration V2 their network and scheme labels, read from their own config text
 * with the engine's parser (the same labels a new submission gets when it is stored).
 */
@ApplicationScoped
public class NetworkLabels {
    @Transactional
    public int backfill() {
        int n = 0;
        for (SubmissionRecord s : SubmissionRecord.<SubmissionRecord>list("scheme is null")) {
            try {
                s.labelFrom(RecipeFiles.parseSubmission(s.configText, "submission #" + s.id));
                n++;
            } catch (RuntimeException e) {
                // A stored config the engine no longer reads keeps blank labels; the service still starts.
                Logger.getLogger(NetworkLabels.class).warnf("submission #%d: no network label (%s)", s.id, e.getMessage());
            }
        }
        return n;
    }
}
