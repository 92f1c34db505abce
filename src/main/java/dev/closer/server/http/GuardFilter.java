package dev.closer.server.http;

import dev.closer.tool.Caller;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The servlet filter in front of every HTTP path (REST, MCP, pages): Host/Origin validation,
 * bearer-token authentication and the request size limit, before any handler reads a byte. The
 * established {@link Caller} travels as a request attribute.
 */
public final class GuardFilter implements Filter {

    public static final String CALLER = "closer.caller";

    private final AccessGuard guard;
    private final long maxBodyBytes;

    public GuardFilter(AccessGuard guard, long maxBodyBytes) {
        this.guard = guard;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        AccessGuard.Denial denial = guard.checkOrigin(request.getHeader("Host"), request.getHeader("Origin"));
        if (denial != null) {
            deny(response, denial.status(), denial.code(), denial.message());
            return;
        }
        if (request.getContentLengthLong() > maxBodyBytes) {
            // The body stays unread, so the connection cannot carry another request after this answer.
            response.setHeader("Connection", "close");
            deny(response, 413, "PAYLOAD_TOO_LARGE", "the request body is larger than " + maxBodyBytes + " bytes");
            return;
        }
        String path = request.getRequestURI();
        boolean open = "/health".equals(path);
        String door = path.startsWith("/mcp") ? "mcp-http" : "rest";
        Optional<Caller> caller = guard.caller(request.getHeader("Authorization"), door);
        if (caller.isEmpty() && !open) {
            response.setHeader("WWW-Authenticate", "Bearer");
            deny(response, 401, "UNAUTHENTICATED", "a valid bearer token is required (Authorization: Bearer <token>)");
            return;
        }
        caller.ifPresent(c -> request.setAttribute(CALLER, c));
        chain.doFilter(request, response);
    }

    private static void deny(HttpServletResponse response, int status, String code, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        String body = "{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message.replace("\"", "'") + "\",\"details\":{}}}";
        response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }
}
