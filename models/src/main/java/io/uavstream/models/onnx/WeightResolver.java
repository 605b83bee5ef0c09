package io.uavstream.models.onnx;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the constant tensor behind a node input: an initializer, or the initializer that a
 * DequantizeLinear node dequantizes (the weights of a QDQ model) or a Cast node converts (FLOAT16
 * weights).
 */
final class WeightResolver {

    private final Map<String, OnnxInitializer> initializers;
    private final Map<String, OnnxNode> producers = new HashMap<>();

    WeightResolver(OnnxModel model) {
        this.initializers = model.initializersByName();
        for (OnnxNode node : model.nodes()) {
            node.outputs().forEach(output -> producers.put(output, node));
        }
    }

    Optional<OnnxInitializer> resolve(String tensor) {
        OnnxInitializer direct = initializers.get(tensor);
        if (direct != null) {
            return Optional.of(direct);
        }
        OnnxNode producer = producers.get(tensor);
        if (producer != null && (producer.opType().equals("DequantizeLinear")
                || producer.opType().equals("Cast"))) {
            return Optional.ofNullable(initializers.get(producer.input(0)));
        }
        return Optional.empty();
    }

    /** Returns the node that produces {@code tensor}, if a node does. */
    Optional<OnnxNode> producer(String tensor) {
        return Optional.ofNullable(producers.get(tensor));
    }
}
