package dev.closer.crm.hubspot;

import dev.closer.crm.CrmException;
import dev.closer.crm.http.VendorHttp;
import java.time.Duration;

/**
 * HubSpot's ways of saying no. Errors arrive as {"status": "error", "category": ...}: a
 * VALIDATION_ERROR is a bad request, OBJECT_NOT_FOUND is not found, MISSING_SCOPES and
 * INVALID_AUTHENTICATION are auth. A 429 names its window in the X-HubSpot-RateLimit-* headers
 * (interval in milliseconds, remaining calls), or the per-second limit in the -Secondly ones.
 */
final class HubSpotRules implements VendorHttp.Rules {

    @Override
    public CrmException.Kind classify(VendorHttp.Response r) {
        String body = r.body() == null ? "" : r.body();
        if (body.contains("\"VALIDATION_ERROR\"")) {
            return CrmException.Kind.INVALID_REQUEST;
        }
        if (body.contains("\"OBJECT_NOT_FOUND\"")) {
            return CrmException.Kind.NOT_FOUND;
        }
        if (body.contains("\"MISSING_SCOPES\"") || body.contains("\"INVALID_AUTHENTICATION\"")) {
            return CrmException.Kind.AUTH;
        }
        return null;
    }

    @Override
    public Duration waitHint(VendorHttp.Response r) {
        if ("0".equals(r.header("X-HubSpot-RateLimit-Secondly-Remaining"))) {
            return Duration.ofSeconds(1);
        }
        String interval = r.header("X-HubSpot-RateLimit-Interval-Milliseconds");
        if ("0".equals(r.header("X-HubSpot-RateLimit-Remaining")) && interval != null) {
            try {
                return Duration.ofMillis(Long.parseLong(interval.strip()));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
