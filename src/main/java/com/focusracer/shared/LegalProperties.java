package com.focusracer.shared;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who runs the platform ({@code focusracer.legal.*}): shown on the legal notice, the
 * terms of sale, the privacy policy and the invoices. The defaults describe the demo
 * company; a production site sets its own (see {@code docs/configuration.md}).
 *
 * @param companyName the seller's name
 * @param legalForm its legal form and share capital
 * @param address its registered address, on one line
 * @param siret its SIRET number
 * @param vatNumber its intra-EU VAT number
 * @param vatRatePercent the VAT rate applied to sales, in percent (20)
 * @param director the publication director
 * @param contactEmail where users write to
 * @param privacyEmail where privacy requests go (the DPO, or the contact)
 * @param hostName who hosts the site
 * @param hostAddress the host's address
 * @param mediator the consumer mediator (name and web address)
 */
@ConfigurationProperties("focusracer.legal")
public record LegalProperties(String companyName, String legalForm, String address, String siret, String vatNumber,
		Integer vatRatePercent, String director, String contactEmail, String privacyEmail, String hostName,
		String hostAddress, String mediator) {

	public LegalProperties {
		companyName = or(companyName, "Focus Racer SAS");
		legalForm = or(legalForm, "SAS au capital de 10 000 €");
		address = or(address, "12 rue de la République, 69002 Lyon, France");
		siret = or(siret, DEMO_SIRET);
		vatNumber = or(vatNumber, "FR 40 912345678");
		vatRatePercent = (vatRatePercent != null) ? vatRatePercent : 20;
		director = or(director, "Camille Martin");
		contactEmail = or(contactEmail, "contact@focusracer.com");
		privacyEmail = or(privacyEmail, "privacy@focusracer.com");
		hostName = or(hostName, "OVH SAS");
		hostAddress = or(hostAddress, "2 rue Kellermann, 59100 Roubaix, France");
		mediator = or(mediator, "CM2C, 49 rue de Ponthieu, 75008 Paris — www.cm2c.net");
	}

	/**
	 * Whether the seller is still the demo company of the defaults (its SIRET): the legal
	 * pages and invoices then name a company that does not exist.
	 * @return true until {@code focusracer.legal.siret} is set
	 */
	public boolean demoIdentity() {
		return DEMO_SIRET.equals(this.siret);
	}

	private static final String DEMO_SIRET = "912 345 678 00017";

	private static String or(String value, String fallback) {
		return (value != null && !value.isBlank()) ? value : fallback;
	}

}
