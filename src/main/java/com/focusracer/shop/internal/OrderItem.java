package com.focusracer.shop.internal;

import java.util.UUID;

/**
 * One photo of an order.
 *
 * @param photoId the photo
 * @param position its place in the order
 * @param amount its part of the price
 * @param uploaderId the photographer
 */
public record OrderItem(UUID photoId, int position, long amount, UUID uploaderId) {

}
