import { setupServer } from 'msw/node';

/** The MSW server shared by all tests; each test installs its handlers with server.use(). */
export const server = setupServer();
