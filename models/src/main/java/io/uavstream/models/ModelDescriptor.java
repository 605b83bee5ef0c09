package io.uavstream.models;

import java.util.List;

/** Stub; the models module replaces it with the full descriptor. */
public record ModelDescriptor(String id, List<String> classNames) {}
