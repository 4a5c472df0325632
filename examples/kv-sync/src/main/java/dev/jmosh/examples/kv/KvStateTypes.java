package dev.jmosh.examples.kv;

import dev.jmosh.ssp.spi.StateTypeProvider;

/** The state types named {@value #NAME}: {@link EditLog} from client to server, {@link KvMap} back. */
public final class KvStateTypes implements StateTypeProvider<EditLog, KvMap> {
    /** The provider's name. */
    public static final String NAME = "kv";

    /** Public no-argument constructor for {@link java.util.ServiceLoader}. */
    public KvStateTypes() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<EditLog> userStateType() {
        return EditLog.class;
    }

    @Override
    public Class<KvMap> hostStateType() {
        return KvMap.class;
    }

    @Override
    public EditLog newUserState() {
        return new EditLog();
    }

    @Override
    public KvMap newHostState(int columns, int rows) {
        return new KvMap(); // a map has no window size
    }
}
