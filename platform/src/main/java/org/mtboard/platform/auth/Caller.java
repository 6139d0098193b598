package org.mtboard.platform.auth;

/** Who made a request: the token's team, or nobody. */
public record Caller(Long teamId, String teamName, boolean admin, Long tokenId) {
    public static final Caller ANONYMOUS = new Caller(null, null, false, null);

    public boolean authenticated() {
        return teamId != null;
    }
}
