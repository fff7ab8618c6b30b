package io.kubedl.persist.galera;

/** The TCK through node n1. */
class GaleraTckNode1Test extends GaleraNodeTck {
    GaleraTckNode1Test() {
        super(1);
    }
}
