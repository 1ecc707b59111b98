package com.focusracer.photos;

/**
 * A photo's progress as every node hears it from the database, once per node wherever the
 * stage ran (the node that ran it included): what the live pages push to the browsers
 * connected to them. Whatever must happen once per stage listens to
 * {@link PhotoProgressed} instead, which only the node that ran the stage publishes.
 *
 * @param progress the progress, its file name shortened when too long to travel
 */
public record PhotoProgressAnnounced(PhotoProgressed progress) {

}
