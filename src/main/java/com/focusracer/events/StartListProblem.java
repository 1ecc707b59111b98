package com.focusracer.events;

/**
 * A line of a start-list file that cannot be imported.
 *
 * @param line the line number in the file (1 = the header)
 * @param messageKey the message-bundle key that says why
 * @param argument the value the message names (a bib, a year), may be {@code null}
 */
public record StartListProblem(int line, String messageKey, String argument) {

}
