export const resolver = async (): Promise<{ ok: true }> => ({ ok: true });
