package com.focusracer.shop.web;

import java.util.List;

import com.focusracer.shared.web.AdminNotice;
import com.focusracer.shop.ShopProperties;

import org.springframework.stereotype.Component;

/**
 * Tells the admins when nothing can be sold: no Stripe key and no test payments; or when
 * buyers pay with the test payments.
 */
@Component
class PaymentSetupNotice implements AdminNotice {

	private final ShopProperties properties;

	PaymentSetupNotice(ShopProperties properties) {
		this.properties = properties;
	}

	@Override
	public List<String> messageKeys() {
		if (!this.properties.paymentsAvailable()) {
			return List.of("shop.admin.noPayments");
		}
		return this.properties.testPaymentsOn() ? List.of("shop.admin.testPaymentsOn") : List.of();
	}

}
