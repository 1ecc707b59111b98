package com.focusracer.recognition.internal;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TinyWeightsTests {

	@Test
	void zeroesTheTinyFloatWeightsOfAModelAndNothingElse() {
		float denormal = 1e-40f;
		byte[] values = littleEndian(denormal, 1.0f, -1e-20f, 1e-6f);
		byte[] model = model(tensor(1, values), tensor(7, values));
		byte[] before = model.clone();

		assertThat(TinyWeights.flush(model)).as("the denormal and the tiny weight of the FLOAT tensor").isEqualTo(2);
		assertThat(model).hasSameSizeAs(before);
		FloatBuffer floats = floatsOfFirstTensor(model, values.length);
		assertThat(new float[] { floats.get(0), floats.get(1), floats.get(2), floats.get(3) }).containsExactly(0f, 1.0f,
				0f, 1e-6f);
		// The INT64 tensor's bytes look the same but are no floats: left as they were.
		assertThat(Arrays.copyOfRange(model, model.length - values.length, model.length)).isEqualTo(values);
		assertThat(TinyWeights.flush(model)).as("nothing left to flush").isZero();
	}

	@Test
	void leavesBytesThatAreNoModelAsTheyAre() {
		// A graph field claiming more bytes than the file has, its float values after.
		byte[] values = littleEndian(1e-40f, 1e-40f);
		byte[] model = model(tensor(1, values));
		model[3] = (byte) 120;
		byte[] before = model.clone();
		assertThat(TinyWeights.flush(model)).isZero();
		assertThat(model).isEqualTo(before);
		byte[] text = "not a model at all, a text file".getBytes();
		assertThat(TinyWeights.flush(text)).isZero();
		assertThat(text).isEqualTo("not a model at all, a text file".getBytes());
	}

	@Test
	void theFaceEmbedderAnswersAsBeforeWithoutItsTinyWeights() throws Exception {
		byte[] original;
		try (InputStream in = getClass().getClassLoader().getResourceAsStream("face-models/fr_feature.onnx")) {
			Assumptions.assumeTrue(in != null, "face models not fetched");
			original = in.readAllBytes();
		}
		byte[] flushed = original.clone();
		assertThat(TinyWeights.flush(flushed)).as("the embedder's tiny weights").isGreaterThan(100_000);

		float[] face = new float[3 * 112 * 112];
		Random random = new Random(7);
		for (int i = 0; i < face.length; i++) {
			face[i] = random.nextFloat() * 2 - 1;
		}
		float[] a = embed(original, face);
		float[] b = embed(flushed, face);
		double dot = 0;
		double na = 0;
		double nb = 0;
		for (int i = 0; i < a.length; i++) {
			dot += a[i] * b[i];
			na += a[i] * a[i];
			nb += b[i] * b[i];
		}
		assertThat(dot / Math.sqrt(na * nb)).as("cosine of the two embeddings").isGreaterThan(0.99999);
	}

	@Test
	void theFaceModelsAreLoadedWithoutTheirTinyWeights() throws Exception {
		try (FaceModels models = FaceModels.load(null, 1)) {
			Assumptions.assumeTrue(models != null, "face models not fetched");
			assertThat(models.tinyWeightsZeroed()).as("the embedder's and the landmark model's").isGreaterThan(200_000);
		}
	}

	private static float[] embed(byte[] model, float[] face) throws Exception {
		OrtEnvironment environment = OrtEnvironment.getEnvironment();
		try (OrtSession.SessionOptions options = OcrModels.sessionOptions(1);
				OrtSession session = environment.createSession(model, options);
				OnnxTensor input = OnnxTensor.createTensor(environment, FloatBuffer.wrap(face),
						new long[] { 1, 3, 112, 112 });
				OrtSession.Result result = session.run(Map.of(session.getInputNames().iterator().next(), input))) {
			return ((OnnxTensor) result.get(0)).getFloatBuffer().array();
		}
	}

	/** A ModelProto whose graph (7) holds these initializers (5). */
	private static byte[] model(byte[]... tensors) {
		ByteArrayOutputStream graph = new ByteArrayOutputStream();
		for (byte[] tensor : tensors) {
			field(graph, 5, tensor);
		}
		ByteArrayOutputStream model = new ByteArrayOutputStream();
		// ir_version (field 1, varint) before the graph, as exporters write it.
		model.write(1 << 3);
		model.write(8);
		field(model, 7, graph.toByteArray());
		return model.toByteArray();
	}

	/** A TensorProto: dims (1), data_type (2), name (8), raw_data (9). */
	private static byte[] tensor(int dataType, byte[] raw) {
		ByteArrayOutputStream tensor = new ByteArrayOutputStream();
		tensor.write(1 << 3);
		tensor.write(raw.length / 4);
		tensor.write(2 << 3);
		tensor.write(dataType);
		field(tensor, 8, "w".getBytes());
		field(tensor, 9, raw);
		return tensor.toByteArray();
	}

	private static void field(ByteArrayOutputStream out, int number, byte[] bytes) {
		out.write(number << 3 | 2);
		out.write(bytes.length);
		out.writeBytes(bytes);
	}

	private static byte[] littleEndian(float... values) {
		ByteBuffer buffer = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
		for (float v : values) {
			buffer.putFloat(v);
		}
		return buffer.array();
	}

	/** The floats of the first tensor's raw data: found by its known bytes' place. */
	private static FloatBuffer floatsOfFirstTensor(byte[] model, int length) {
		// ir_version (2 bytes), graph tag and length (2), initializer tag and length
		// (2), dims (2), data_type (2), name (3), raw_data tag and length (2).
		int start = 2 + 2 + 2 + 2 + 2 + 3 + 2;
		return ByteBuffer.wrap(model, start, length).slice().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
	}

}
