/**
 * The local models (PP-OCRv4 text detection and recognition on ONNX Runtime) and their
 * geometry.
 */
package com.focusracer.recognition.internal;
