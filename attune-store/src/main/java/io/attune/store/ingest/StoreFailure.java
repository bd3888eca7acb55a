package io.attune.store.ingest;

/** The database failed under a port method that cannot throw checked exceptions. */
public final class StoreFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
