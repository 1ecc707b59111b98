package com.focusracer.events;

/**
 * Whether this node can detect and compare faces (implemented by recognition: the face
 * models come with the build only when npm could fetch them). Event pages say so where
 * the organizer turns face features on.
 */
public interface FaceFeatures {

	/**
	 * @return true when face detection and comparison work on this node
	 */
	boolean available();

	/**
	 * Whether the platform allows face features at all (its admins' AI settings); when
	 * not, organizers cannot turn them on.
	 * @return true when allowed
	 */
	default boolean allowed() {
		return true;
	}

}
