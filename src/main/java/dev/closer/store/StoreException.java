package dev.closer.store;

/** The store could not do what was asked; the message never contains row contents. */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
