package dev.osprey.app.endpoints;

import dev.osprey.server.launch.RunningServer;
import dev.osprey.server.launch.ServerLauncher;
import dev.osprey.server.launch.ServerSpec;
import dev.osprey.server.launch.ServerStartException;

/** Starts a model server process; the studio's is {@link ServerLauncher#start}. */
@FunctionalInterface
public interface ServerStarter {
    ServerStarter PROCESS = ServerLauncher::start;

    RunningServer start(ServerSpec spec) throws ServerStartException;
}
