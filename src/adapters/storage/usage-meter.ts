import { FORGE_KVS_LIMITS } from '../../app/ports/store';

/** What a store has consumed of Forge's per-installation budget (counted in 10 KB units). */
export interface StoreUsage {
  readonly reads: number;
  readonly readUnits: number;
  readonly writes: number;
  readonly writeUnits: number;
  readonly bytesWritten: number;
}

/** Budget units one read or write of `bytes` costs: ceil(bytes / 10 KiB), at least 1. */
export function usageUnits(bytes: number): number {
  return Math.max(1, Math.ceil(bytes / FORGE_KVS_LIMITS.usageUnitBytes));
}

export class UsageMeter {
  private usage: StoreUsage = { reads: 0, readUnits: 0, writes: 0, writeUnits: 0, bytesWritten: 0 };

  countRead(bytes: number): void {
    this.usage = { ...this.usage, reads: this.usage.reads + 1, readUnits: this.usage.readUnits + usageUnits(bytes) };
  }

  countWrite(bytes: number): void {
    this.usage = {
      ...this.usage,
      writes: this.usage.writes + 1,
      writeUnits: this.usage.writeUnits + usageUnits(bytes),
      bytesWritten: this.usage.bytesWritten + bytes,
    };
  }

  snapshot(): StoreUsage {
    return this.usage;
  }

  reset(): void {
    this.usage = { reads: 0, readUnits: 0, writes: 0, writeUnits: 0, bytesWritten: 0 };
  }
}
