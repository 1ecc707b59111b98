package com.focusracer.recognition.internal;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Profiles the text detector with ONNX Runtime's own profiler (issue #12: where its time
 * goes, operator by operator): the PP-OCRv4 detector with the production session options
 * ({@link OcrModels#sessionOptions} with one intra-op thread), on inputs of the sizes the
 * reading uses (the coarse pass of a 3:2 photo, a strip of the full pass), after a
 * warm-up. Prints, per input, the wall time per run and the share of the time of each
 * operator type and of the ten costliest nodes.
 *
 * <pre>
 * java -cp "target/test-classes:target/classes:$(cat target/cp.txt)" com.focusracer.recognition.internal.DetectorProfile [runs=5]
 * </pre>
 */
public final class DetectorProfile {

	private DetectorProfile() {
	}

	public static void main(String[] args) throws Exception {
		int runs = (args.length > 0) ? Integer.parseInt(args[0]) : 5;
		byte[] model;
		try (InputStream in = DetectorProfile.class.getClassLoader()
			.getResourceAsStream("models/ch_PP-OCRv4_det_infer.onnx")) {
			model = in.readAllBytes();
		}
		OrtEnvironment environment = OrtEnvironment.getEnvironment();
		System.out.println("ONNX Runtime " + environment.getVersion());
		int[][] sizes = { { 960, 640 }, { 2304, 672 }, { 1536, 1024 } };
		for (int[] size : sizes) {
			FloatBuffer input = input(size[0], size[1]);
			long[] shape = { 1, 3, size[1], size[0] };
			// First without the profiler (what production runs), then with it.
			double plain;
			try (OrtSession.SessionOptions options = OcrModels.sessionOptions(1);
					OrtSession session = environment.createSession(model, options)) {
				plain = time(environment, session, input, shape, runs);
			}
			Path trace = Files.createTempFile("detector-profile", "");
			try (OrtSession.SessionOptions options = OcrModels.sessionOptions(1)) {
				options.enableProfiling(trace.toString());
				try (OrtSession session = environment.createSession(model, options)) {
					double profiled = time(environment, session, input, shape, runs);
					String file = session.endProfiling();
					System.out.printf("input %d x %d: %.0f ms a run (%.0f ms with the profiler)%n", size[0], size[1],
							plain, profiled);
					report(Path.of(file), runs + 1);
					Files.deleteIfExists(Path.of(file));
				}
			}
			Files.deleteIfExists(trace);
		}
	}

	private static double time(OrtEnvironment environment, OrtSession session, FloatBuffer input, long[] shape,
			int runs) throws Exception {
		String name = session.getInputNames().iterator().next();
		run(environment, session, name, input, shape);
		long start = System.nanoTime();
		for (int i = 0; i < runs; i++) {
			run(environment, session, name, input, shape);
		}
		return (System.nanoTime() - start) / 1e6 / runs;
	}

	private static void run(OrtEnvironment environment, OrtSession session, String name, FloatBuffer input,
			long[] shape) throws Exception {
		input.rewind();
		try (OnnxTensor tensor = OnnxTensor.createTensor(environment, input, shape);
				OrtSession.Result result = session.run(Map.of(name, tensor))) {
			result.get(0);
		}
	}

	private static FloatBuffer input(int width, int height) {
		FloatBuffer buffer = ByteBuffer.allocateDirect(3 * width * height * Float.BYTES)
			.order(ByteOrder.nativeOrder())
			.asFloatBuffer();
		Random random = new Random(12);
		for (int i = 0; i < 3 * width * height; i++) {
			buffer.put((float) random.nextGaussian());
		}
		buffer.rewind();
		return buffer;
	}

	private static void report(Path trace, int runs) throws Exception {
		JsonNode events = JsonMapper.shared().readTree(trace.toFile());
		Map<String, Long> byType = new HashMap<>();
		Map<String, Long> byNode = new HashMap<>();
		long total = 0;
		for (JsonNode event : events) {
			if (!"Node".equals(event.path("cat").asText()) || !event.path("name").asText().endsWith("_kernel_time")) {
				continue;
			}
			long dur = event.path("dur").asLong();
			String type = event.path("args").path("op_name").asText();
			String node = event.path("name").asText().replace("_kernel_time", "");
			byType.merge(type, dur, Long::sum);
			byNode.merge(node + " (" + type + ")", dur, Long::sum);
			total += dur;
		}
		System.out.printf("  operators: %.0f ms a run%n", total / 1000.0 / runs);
		long all = total;
		byType.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
			.forEach((e) -> System.out.printf("  %-28s %5.1f %%%n", e.getKey(), 100.0 * e.getValue() / all));
		System.out.println("  costliest nodes:");
		byNode.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
			.limit(10)
			.forEach((e) -> System.out.printf("    %-60s %5.1f %%%n", e.getKey(), 100.0 * e.getValue() / all));
	}

}
