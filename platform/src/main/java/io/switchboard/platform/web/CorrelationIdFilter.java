package io.switchboard.platform.web;

import java.io.IOException;

import org.springframework.web.filter.OncePerRequestFilter;

import io.switchboard.platform.correlation.Correlation;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Takes the caller's {@code X-Correlation-Id} (or makes one), puts it in the MDC for every log line
 * and into the events this request records, and echoes it in the response.
 */
public class CorrelationIdFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String correlationId = Correlation.acceptOrCreate(request.getHeader(Correlation.HEADER));
        response.setHeader(Correlation.HEADER, correlationId);
        try (Correlation.Scope ignored = Correlation.open(correlationId, correlationId)) {
            chain.doFilter(request, response);
        }
    }
}
