package io.switchboard.integration.secrets;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.switchboard.integration.vault.HoldsSealedSecrets;
import io.switchboard.integration.vault.Sealed;
import io.switchboard.integration.vault.SealedTable;
import io.switchboard.integration.vault.Vault;
import io.switchboard.platform.security.TenantJdbc;
import io.switchboard.platform.web.NotFoundException;

/**
 * Secrets a client hands to the practice (FEATURES.md W6 credential requests, P7): sealed by the {@link Vault}
 * with the secret's own ref in the purpose (a row copied under another ref or practice does not open),
 * referenced elsewhere only by that opaque ref, and every read recorded with who asked and for whom.
 */
@Service
public class PracticeSecrets implements HoldsSealedSecrets {

    private static final Logger log = LoggerFactory.getLogger(PracticeSecrets.class);
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final TenantJdbc jdbc;
    private final Vault vault;
    private final SecureRandom random = new SecureRandom();

    PracticeSecrets(TenantJdbc jdbc, Vault vault) {
        this.jdbc = jdbc;
        this.vault = vault;
    }

    /** What a client submitted. */
    public record NewSecret(UUID clientId, UUID taskId, String label, String username, String secret, UUID submittedBy) {
        @Override
        public String toString() {
            return "NewSecret[clientId=" + clientId + ", taskId=" + taskId + ", label=" + label + "]";
        }
    }

    /** A secret opened for a reader. */
    public record Opened(String secretRef, String username, String secret) {
        @Override
        public String toString() {
            return "Opened[secretRef=" + secretRef + "]";
        }
    }

    /** One recorded read. */
    public record Access(UUID actor, String caller, java.time.Instant accessedAt) {
    }

    /** The username and secret columns (one key id for both), for re-sealing under a new vault key. */
    @Override
    public SealedTable sealedTable() {
        Map<String, Function<SealedTable.RowKey, String>> columns = new LinkedHashMap<>();
        columns.put("username_sealed", row -> purpose((String) row.get("ref"), "username"));
        columns.put("secret_sealed", row -> purpose((String) row.get("ref"), "secret"));
        return new SealedTable("practice_secret", List.of("ref"), List.of(new SealedTable.KeyedColumns("key_id", columns)));
    }

    @Transactional
    public String store(UUID practiceId, NewSecret secret) {
        jdbc.sql(practiceId, "select id from practice where id = :practiceId").query(UUID.class).optional()
                .orElseThrow(() -> new NotFoundException("practice", practiceId));
        String ref = "sec_" + randomToken();
        Sealed sealedSecret = vault.seal(practiceId, purpose(ref, "secret"), secret.secret());
        Sealed sealedUsername = secret.username() == null ? null
                : vault.seal(practiceId, purpose(ref, "username"), secret.username());
        jdbc.sql(practiceId, """
                insert into practice_secret (ref, practice_id, client_id, task_id, label, key_id, username_sealed,
                                             secret_sealed, submitted_by)
                values (:ref, :practiceId, :client, :task, :label, :keyId, :username, :secret, :by)
                """).param("ref", ref).param("client", secret.clientId()).param("task", secret.taskId())
                .param("label", secret.label()).param("keyId", sealedSecret.keyId())
                .param("username", sealedUsername == null ? null : sealedUsername.ciphertext())
                .param("secret", sealedSecret.ciphertext()).param("by", secret.submittedBy()).update();
        log.info("A secret for client {} of practice {} was stored as {}", secret.clientId(), practiceId, ref);
        return ref;
    }

    /** Opens a secret of the practice, recording the read first; another practice's ref is not found. */
    @Transactional
    public Opened open(UUID practiceId, String ref, UUID actor, String caller) {
        Object[] row = jdbc.sql(practiceId, """
                select key_id, username_sealed, secret_sealed from practice_secret
                where practice_id = :practiceId and ref = :ref
                """).param("ref", ref)
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getBytes(2), rs.getBytes(3)}).optional()
                .orElseThrow(() -> new NotFoundException("secret", ref));
        jdbc.sql(practiceId, """
                insert into practice_secret_access (ref, practice_id, actor, caller)
                values (:ref, :practiceId, :actor, :caller)
                """).param("ref", ref).param("actor", actor).param("caller", caller).update();
        log.info("Secret {} of practice {} read by {} for user {}", ref, practiceId, caller, actor);
        String keyId = (String) row[0];
        String username = row[1] == null ? null
                : vault.open(practiceId, purpose(ref, "username"), new Sealed(keyId, (byte[]) row[1]));
        return new Opened(ref, username, vault.open(practiceId, purpose(ref, "secret"), new Sealed(keyId, (byte[]) row[2])));
    }

    @Transactional(readOnly = true)
    public List<Access> accesses(UUID practiceId, String ref) {
        return jdbc.sql(practiceId, """
                select actor, caller, accessed_at from practice_secret_access
                where practice_id = :practiceId and ref = :ref order by id
                """).param("ref", ref).query((rs, n) -> new Access(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getTimestamp(3).toInstant())).list();
    }

    private static String purpose(String ref, String part) {
        return "practice-secret:" + ref + ":" + part;
    }

    private String randomToken() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return BASE64URL.encodeToString(bytes);
    }
}
