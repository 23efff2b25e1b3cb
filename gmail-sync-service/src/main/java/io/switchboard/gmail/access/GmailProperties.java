package io.switchboard.gmail.access;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where Gmail and the attachment links live.
 *
 * @param rootUrl            Gmail API root ({@code https://gmail.googleapis.com/} in production)
 * @param attachmentBaseUrl  public base of this service's API, for attachment links in filed emails
 */
@ConfigurationProperties("switchboard.gmail")
public record GmailProperties(String rootUrl, String attachmentBaseUrl) {

    public GmailProperties {
        rootUrl = rootUrl == null ? "https://gmail.googleapis.com/" : rootUrl.endsWith("/") ? rootUrl : rootUrl + "/";
        attachmentBaseUrl = attachmentBaseUrl == null ? "http://localhost:8080/api/gmail"
                : attachmentBaseUrl.endsWith("/") ? attachmentBaseUrl.substring(0, attachmentBaseUrl.length() - 1)
                : attachmentBaseUrl;
    }
}
