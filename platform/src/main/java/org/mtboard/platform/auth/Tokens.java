package org.mtboard.platform.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import org.mtboard.platform.store.TeamRecord;
import org.mtboard.platform.store.TokenRecord;

/** Issues, checks and revokes API tokens. A token is 32 random bytes, shown once; only its SHA-256 is stored. */
@ApplicationScoped
public class Tokens {
    private static final String PREFIX = "mtb_";
    private final SecureRandom random = new SecureRandom();

    /** A new token for the team; the returned text is the only copy. */
    @Transactional
    public String issue(TeamRecord team, String label) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        TokenRecord t = new TokenRecord();
        t.team = TeamRecord.findById(team.id);
        t.tokenHash = hash(token);
        t.label = label;
        t.createdAt = Instant.now();
        t.persist();
        return token;
    }

    /** The live token record for this text, or null (unknown or revoked). */
    @Transactional
    public TokenRecord find(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 200) {
            return null;
        }
        TokenRecord t = TokenRecord.find("tokenHash", hash(token)).firstResult();
        return t == null || t.revokedAt != null ? null : t;
    }

    public static String hash(String token) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
