package io.fieldsales.audit.service;

import io.fieldsales.audit.config.AuditConfig;
import io.fieldsales.audit.domain.DataKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.SecretKey;

/** The service's per-subject data keys, wrapped under the configured key-encryption key. */
@ApplicationScoped
public class DataKeyService {

    private final DataKeys keys;

    @Inject
    public DataKeyService(AuditConfig config) {
        this.keys = new DataKeys(Base64.getDecoder().decode(config.keyEncryptionKey().trim()));
    }

    public DataKeys.NewKey newKey(UUID tenantId, String subject) {
        return keys.newKey(tenantId, subject);
    }

    /** See {@link DataKeys#storedSubject}. */
    public String storedSubject(UUID tenantId, String subject) {
        return keys.storedSubject(tenantId, subject);
    }

    public SecretKey unwrap(byte[] wrapped, UUID tenantId, String subject) {
        return keys.unwrap(wrapped, tenantId, subject);
    }
}
