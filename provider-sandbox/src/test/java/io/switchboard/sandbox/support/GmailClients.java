package io.switchboard.sandbox.support;

import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.gmail.Gmail;

import io.switchboard.sandbox.ProviderSandbox;

/** Gmail's own Java client pointed at the sandbox, with a stored access token, as gmail-sync-service builds it. */
public final class GmailClients {

    private static final NetHttpTransport TRANSPORT = new NetHttpTransport();

    private GmailClients() {
    }

    public static Gmail gmail(ProviderSandbox sandbox, String accessToken) {
        return new Gmail.Builder(TRANSPORT, GsonFactory.getDefaultInstance(),
                request -> request.getHeaders().setAuthorization("Bearer " + accessToken))
                .setRootUrl(sandbox.gmailRootUrl())
                .setApplicationName("switchboard-sandbox-test")
                .build();
    }
}
