package com.focusracer.events;

import java.util.List;

/**
 * What an import did.
 *
 * @param imported how many runners the list now holds from this file
 * @param rejected the lines left out
 */
public record StartListImport(int imported, List<StartListProblem> rejected) {

}
