package com.focusracer.shared.web;

/**
 * The most bytes a request body may have on some routes, declared as a bean by the module
 * that serves them. Bodies of routes without one are held to
 * {@code focusracer.web.max-body}. Multipart and form posts are parsed by the container
 * and bounded by {@code spring.servlet.multipart.*}; their controllers check each file
 * against what they need.
 *
 * @param method the HTTP method, e.g. {@code PUT}
 * @param pathPattern the paths, as a Spring path pattern, e.g.
 * {@code /api/v1/events/*}{@code /start-list}
 * @param maxBytes the limit
 * @param messageKey the text that says the limit (argument 0, in megabytes) and what to
 * do
 */
public record BodyLimit(String method, String pathPattern, long maxBytes, String messageKey) {

}
