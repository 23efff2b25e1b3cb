package io.switchboard.workflow.tasks;

import java.io.IOException;
import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;
import org.springframework.web.client.RestClient;

import io.switchboard.platform.security.InternalTokens;

/** The document store, upload policy and credential vault work tasks use, from configuration. */
@Configuration(proxyBeanMethods = false)
class TaskConfiguration {

    @Bean
    @ConditionalOnMissingBean
    DocumentStore documentStore(@Value("${switchboard.workflow.documents.base-dir}") Path baseDir) throws IOException {
        return new FileSystemDocumentStore(baseDir);
    }

    @Bean
    UploadPolicy uploadPolicy(@Value("${switchboard.workflow.documents.max-file-size}") DataSize maxFileSize) {
        return new UploadPolicy(maxFileSize.toBytes());
    }

    @Bean
    @ConditionalOnMissingBean
    CredentialVault credentialVault(RestClient.Builder builder, InternalTokens tokens,
                                    @Value("${switchboard.integration.base-url}") String baseUrl) {
        return new HttpCredentialVault(builder, tokens, baseUrl);
    }
}
