package org.mtboard.platform.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mtboard.platform.store.TeamRecord;

/** Creates teams with the server's default quotas. */
@ApplicationScoped
public class Teams {
    private final int submissionsPerDay;
    private final int maxActiveRuns;

    public Teams(@ConfigProperty(name = "mtboard.quota.submissions-per-day") int submissionsPerDay,
                 @ConfigProperty(name = "mtboard.quota.max-active-runs") int maxActiveRuns) {
        this.submissionsPerDay = submissionsPerDay;
        this.maxActiveRuns = maxActiveRuns;
    }

    /** The team of that name, created with default quotas if it does not exist. */
    @Transactional
    public TeamRecord ensure(String name, boolean admin) {
        TeamRecord t = TeamRecord.byName(name);
        if (t == null) {
            t = create(name, admin, submissionsPerDay, maxActiveRuns);
        }
        return t;
    }

    @Transactional
    public TeamRecord create(String name, boolean admin, int perDay, int active) {
        TeamRecord t = new TeamRecord();
        t.name = name;
        t.admin = admin;
        t.submissionsPerDay = perDay;
        t.maxActiveRuns = active;
        t.createdAt = Instant.now();
        t.persist();
        return t;
    }

    public int defaultSubmissionsPerDay() {
        return submissionsPerDay;
    }

    public int defaultMaxActiveRuns() {
        return maxActiveRuns;
    }
}
