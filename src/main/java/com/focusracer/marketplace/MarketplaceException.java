package com.focusracer.marketplace;

import com.focusracer.shared.UserMistakeException;

/**
 * A marketplace action refused because of what was entered or the state of the listing.
 */
public class MarketplaceException extends UserMistakeException {

	public MarketplaceException(String messageKey, Object... arguments) {
		super(messageKey, arguments);
	}

}
