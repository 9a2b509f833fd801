// Translation unit that carries the precompiled headers (see lib/CMakeLists.txt).
