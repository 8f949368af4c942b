package io.fieldsales.platform.http;

/**
 * Implemented by a service that streams some request bodies elsewhere instead of reading them (the gateway's
 * proxy): {@link RequestBodyLimit} leaves those paths to it, and it must count the bytes it streams itself.
 */
public interface StreamedBodies {

    boolean streams(String path);
}
