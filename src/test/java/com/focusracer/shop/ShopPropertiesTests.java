package com.focusracer.shop;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shop's settings out of the box: nothing on sale without a payment provider, test
 * payments only where they are switched on (the demo of {@code mvn spring-boot:run}).
 */
class ShopPropertiesTests {

	@Test
	void testPaymentsAreOffUnlessSwitchedOnAsTheDemoProfileDoes() throws IOException {
		ShopProperties defaults = new ShopProperties(null, null, null, null, null, null, null, null);
		assertThat(defaults.testPaymentsOn()).isFalse();
		assertThat(defaults.paymentsAvailable()).as("no Stripe key, no test payments: nothing on sale").isFalse();
		assertThat(testPayments("application.yml")).isFalse();
		assertThat(testPayments("application-demo.yml")).isTrue();
	}

	@Test
	void stripeWinsOverTestPayments() {
		ShopProperties both = new ShopProperties(null, null, null,
				new ShopProperties.Stripe("sk_test_x", null, null, null), true, null, null, null);
		assertThat(both.testPaymentsOn()).isFalse();
		assertThat(both.paymentsAvailable()).isTrue();
	}

	@Test
	void orderKeysRenewLinksForThirtyDaysAndTheKeyListIgnoresBlankEntries() {
		ShopProperties defaults = new ShopProperties(null, null, null, null, null, List.of(" a ", "", " "), null, null);
		assertThat(defaults.linksRenewableFor()).isEqualTo(Duration.ofDays(30));
		assertThat(defaults.downloadKeys()).containsExactly("a");
		assertThat(defaults.supportEmail()).isEqualTo("support@focusracer.com");
		assertThat(defaults.payoutHoldingPeriod()).isEqualTo(Duration.ofDays(7));
	}

	private static Boolean testPayments(String file) throws IOException {
		List<PropertySource<?>> sources = new YamlPropertySourceLoader().load(file, new ClassPathResource(file));
		return new Binder(ConfigurationPropertySources.from(sources))
			.bind("focusracer.shop.test-payments", Boolean.class)
			.orElse(null);
	}

}
