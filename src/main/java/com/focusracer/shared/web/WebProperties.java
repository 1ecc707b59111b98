package com.focusracer.shared.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the web layer every module shares.
 *
 * @param maxBody the largest request body (JSON, CSV, raw bytes) accepted on routes that
 * declare no {@link BodyLimit} of their own
 */
@ConfigurationProperties("focusracer.web")
public record WebProperties(DataSize maxBody) {

	public WebProperties {
		maxBody = (maxBody != null) ? maxBody : DataSize.ofMegabytes(1);
	}

}
