package com.focusracer.recognition;

import com.focusracer.privacy.RetentionRule;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Face data is kept until each event's retention date (and not at all once face features
 * are turned off).
 */
@Component
@Order(10)
class FaceRetentionRule implements RetentionRule {

	private final FaceRetentionSweep sweep;

	FaceRetentionRule(FaceRetentionSweep sweep) {
		this.sweep = sweep;
	}

	@Override
	public String name() {
		return "faces";
	}

	@Override
	public long apply() {
		return this.sweep.sweep();
	}

}
