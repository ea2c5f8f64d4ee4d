# Known actions for the live capture test; prints what the test compares with.
import os, socket, sys

d, port, marker = sys.argv[1], int(sys.argv[2]), sys.argv[3]
a = os.path.join(d, marker + ".a")
b = os.path.join(d, marker + ".b")
with open(a, "w") as f:
    f.write("x")
    st = os.fstat(f.fileno())
    print("file", st.st_ino, st.st_dev, flush=True)
os.rename(a, b)
os.unlink(b)
s = socket.create_connection(("127.0.0.1", port))
print("local", s.getsockname()[1], flush=True)
s.close()
fd = os.memfd_create(marker, 0)
os.close(fd)
pid = os.fork()
if pid == 0:
    if os.geteuid() == 0:
        os.setuid(65534)
    os._exit(7)
os.waitpid(pid, 0)
print("child", pid, flush=True)
os.execv("/bin/true", ["/bin/true", marker, "--peregrine-test"])
