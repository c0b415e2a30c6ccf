/**
 * A flatbuffer read from an open file a page at a time: what the TFLite readers touch (the model's
 * tables, its tensors' shapes and names) is read, a weight's data never is, and at most MAX_PAGES pages
 * are held at once, so memory stays bounded whatever the file's size. Only the readers the decoder uses
 * are served: the scalar reads every accessor is built on, and strings.
 */
import { readSync } from "node:fs";
import * as flatbuffers from "flatbuffers";

const PAGE = 64 * 1024;
const MAX_PAGES = 64;

export class PagedByteBuffer extends flatbuffers.ByteBuffer {
  private readonly pages = new Map<number, Uint8Array>();
  private readonly decoder = new TextDecoder();

  constructor(
    private readonly fd: number,
    private readonly size: number,
  ) {
    super(new Uint8Array(0));
  }

  override capacity(): number {
    return this.size;
  }

  /** The page holding this offset, read when first needed; the oldest is dropped past MAX_PAGES. */
  private page(index: number): Uint8Array {
    const held = this.pages.get(index);
    if (held) {
      // most recently used last
      this.pages.delete(index);
      this.pages.set(index, held);
      return held;
    }
    const start = index * PAGE;
    const bytes = new Uint8Array(Math.min(PAGE, this.size - start));
    if (start < 0 || start >= this.size || readSync(this.fd, bytes, 0, bytes.length, start) !== bytes.length)
      throw new RangeError(`offset ${start} is outside the file`);
    this.pages.set(index, bytes);
    if (this.pages.size > MAX_PAGES) this.pages.delete(this.pages.keys().next().value!);
    return bytes;
  }

  override readUint8(offset: number): number {
    if (!Number.isSafeInteger(offset) || offset < 0 || offset >= this.size)
      throw new RangeError(`offset ${offset} is outside the file`);
    return this.page(Math.floor(offset / PAGE))[offset % PAGE]!;
  }

  override readUint16(offset: number): number {
    return this.readUint8(offset) | (this.readUint8(offset + 1) << 8);
  }

  override readInt32(offset: number): number {
    return this.readUint16(offset) | (this.readUint16(offset + 2) << 16);
  }

  /** Bytes [offset, offset + length), which may span pages. */
  bytesAt(offset: number, length: number): Uint8Array {
    const bytes = new Uint8Array(length);
    for (let i = 0; i < length; i++) bytes[i] = this.readUint8(offset + i);
    return bytes;
  }

  override __string(offset: number): string {
    const at = offset + this.readInt32(offset);
    return this.decoder.decode(this.bytesAt(at + 4, this.readInt32(at)));
  }
}
