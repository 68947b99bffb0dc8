// The actor knowledge base (issue 3): data files + loader. Being written.
export {};
