/**
 * The protobuf decoding of an ONNX file, on its own: the CLI bundle keeps it
 * in a file of its own (scripts/bundle-cli.mjs), required only when an .onnx
 * file is named, so no other run parses the protobuf runtime.
 */
import { fromBinary } from "@bufbuild/protobuf";
import { type ModelProto, ModelProtoSchema } from "onnx-buf";

export const decodeOnnxModel = (bytes: Uint8Array): ModelProto => fromBinary(ModelProtoSchema, bytes);
