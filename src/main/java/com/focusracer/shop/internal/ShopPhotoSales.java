package com.focusracer.shop.internal;

import java.util.UUID;

import com.focusracer.photos.PhotoSales;

import org.springframework.stereotype.Component;

/**
 * Tells the photos module which photos were sold, so that deleting one keeps it for its
 * buyers.
 */
@Component
class ShopPhotoSales implements PhotoSales {

	private final OrderRepository repository;

	ShopPhotoSales(OrderRepository repository) {
		this.repository = repository;
	}

	@Override
	public boolean sold(UUID photoId) {
		return this.repository.sold(photoId);
	}

}
