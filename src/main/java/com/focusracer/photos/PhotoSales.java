package com.focusracer.photos;

import java.util.UUID;

/**
 * Whether a photo was sold, for deletion: a sold photo is withdrawn from the gallery but
 * its original stays for its buyers. Implemented by the shop (which depends on photos).
 */
public interface PhotoSales {

	/**
	 * Whether a paid order (refunded in part or not) holds the photo.
	 * @param photoId the photo
	 * @return true when a buyer may still download it
	 */
	boolean sold(UUID photoId);

}
