package io.logmaster.api.error;

import io.logmaster.api.auth.InvalidCredentialsException;
import io.logmaster.api.support.LogSafe;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.stream.Collectors;

/**
 * The one place that turns exceptions into RFC 9457 {@link ProblemDetail} responses. 4xx are logged
 * at WARN without a stack trace, 5xx at ERROR with one; exception internals never reach the
 * response body. Request text only reaches the log through {@link LogSafe}.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<Object> invalidParameter(InvalidParameterException e, WebRequest request) {
        ProblemDetail body =
                ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        body.setTitle("Invalid parameter '" + e.parameter() + "'");
        body.setProperty("parameter", e.parameter());
        return handleExceptionInternal(e, body, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
    }

    @ExceptionHandler(QueryRejectedException.class)
    ResponseEntity<Object> queryRejected(QueryRejectedException e, WebRequest request) {
        ProblemDetail body =
                ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        body.setTitle("Query could not be run");
        return handleExceptionInternal(e, body, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
    }

    @ExceptionHandler(InvalidCredentialsException.class)
    ResponseEntity<Object> invalidCredentials(InvalidCredentialsException e, WebRequest request) {
        ProblemDetail body =
                ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, e.getMessage());
        return handleExceptionInternal(
                e, body, new HttpHeaders(), HttpStatus.UNAUTHORIZED, request);
    }

    @ExceptionHandler(ServiceUnavailableException.class)
    ResponseEntity<Object> unavailable(ServiceUnavailableException e, WebRequest request) {
        ProblemDetail body =
                ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        return handleExceptionInternal(
                e, body, new HttpHeaders(), HttpStatus.SERVICE_UNAVAILABLE, request);
    }

    @ExceptionHandler(DataAccessException.class)
    ResponseEntity<Object> database(DataAccessException e, WebRequest request) {
        ProblemDetail body =
                ProblemDetail.forStatusAndDetail(
                        HttpStatus.SERVICE_UNAVAILABLE, "The database is unavailable.");
        return handleExceptionInternal(
                e, body, new HttpHeaders(), HttpStatus.SERVICE_UNAVAILABLE, request);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> accessDenied(AccessDeniedException e, WebRequest request) {
        ProblemDetail body =
                ProblemDetail.forStatusAndDetail(
                        HttpStatus.FORBIDDEN, "Your role does not allow this.");
        return handleExceptionInternal(e, body, new HttpHeaders(), HttpStatus.FORBIDDEN, request);
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<Object> unauthenticated(AuthenticationException e, WebRequest request) {
        ProblemDetail body =
                ProblemDetail.forStatusAndDetail(
                        HttpStatus.UNAUTHORIZED, "A valid bearer token is required.");
        return handleExceptionInternal(
                e, body, new HttpHeaders(), HttpStatus.UNAUTHORIZED, request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, WebRequest request) {
        if (clientGone(e)) {
            // A cancelled search in the browser: expected network noise, no response to write.
            LOG.debug("Client closed the connection: {}", e.toString());
            return null;
        }
        ProblemDetail body =
                ProblemDetail.forStatusAndDetail(
                        HttpStatus.INTERNAL_SERVER_ERROR, "An internal error occurred.");
        return handleExceptionInternal(
                e, body, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
    }

    /** Whether the failure is the client having closed the connection (broken pipe, reset). */
    static boolean clientGone(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String name = t.getClass().getSimpleName();
            String message = String.valueOf(t.getMessage());
            if (name.equals("ClientAbortException")
                    || name.equals("AsyncRequestNotUsableException")
                    || (t instanceof java.io.IOException
                            && (message.contains("Broken pipe")
                                    || message.contains("Connection reset")))) {
                return true;
            }
        }
        return false;
    }

    /** Names the invalid fields of a request body, e.g. {@code password: must not be blank}. */
    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        String detail =
                ex.getBindingResult().getFieldErrors().stream()
                        .map(e -> e.getField() + ": " + e.getDefaultMessage())
                        .sorted()
                        .collect(Collectors.joining("; "));
        ProblemDetail body =
                ProblemDetail.forStatusAndDetail(
                        status, detail.isEmpty() ? "Invalid request content." : detail);
        return handleExceptionInternal(ex, body, headers, status, request);
    }

    /**
     * Every handled exception, ours and Spring MVC's, passes here: log it once. Messages may quote
     * parameter values, so they are escaped and capped.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex,
            Object body,
            HttpHeaders headers,
            HttpStatusCode statusCode,
            WebRequest request) {
        String where = describe(request);
        if (statusCode.is5xxServerError()) {
            LOG.error("{} on {}", statusCode.value(), where, ex);
        } else {
            LOG.warn("{} on {}: {}", statusCode.value(), where, LogSafe.text(ex.getMessage()));
        }
        return super.handleExceptionInternal(ex, body, headers, statusCode, request);
    }

    private static String describe(WebRequest request) {
        if (request instanceof ServletWebRequest servlet) {
            HttpServletRequest r = servlet.getRequest();
            return LogSafe.text(r.getMethod() + " " + r.getRequestURI());
        }
        return LogSafe.text(request.getDescription(false));
    }
}
