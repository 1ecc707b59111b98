package com.focusracer.photos;

import com.focusracer.privacy.RetentionRule;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Parts of uploads abandoned for a day are deleted.
 */
@Component
@Order(30)
class UploadRetentionRule implements RetentionRule {

	private final ResumableUploads uploads;

	UploadRetentionRule(ResumableUploads uploads) {
		this.uploads = uploads;
	}

	@Override
	public String name() {
		return "upload-parts";
	}

	@Override
	public long apply() throws java.io.IOException {
		return this.uploads.forgetAbandoned();
	}

}
