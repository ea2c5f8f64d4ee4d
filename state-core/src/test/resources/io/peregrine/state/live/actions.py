# Level 3 of the tree: file, dup, rename, socket and thread actions whose fd names state must know.
import os, socket, threading

fd = os.open("data.txt", os.O_CREAT | os.O_WRONLY, 0o644)
os.rename("data.txt", "renamed.txt")
os.write(fd, b"a")                      # fd name stays the opened path
d = os.dup(fd)
os.write(d, b"b")                       # a dup names the same file
srv = socket.socket()
srv.bind(("127.0.0.1", 0))
srv.listen(1)
c = socket.socket()
c.connect(srv.getsockname())
a, _ = srv.accept()
os.write(c.fileno(), b"c")              # client side: 127.0.0.1:cport->127.0.0.1:sport
os.write(a.fileno(), b"s")              # server side, same tuple
box = {}
def opener():
    box["fd"] = os.open("thread.txt", os.O_CREAT | os.O_WRONLY, 0o644)
t = threading.Thread(target=opener)
t.start()
t.join()
os.write(box["fd"], b"t")               # the main thread writes to an fd another thread opened
print(c.getsockname()[1], srv.getsockname()[1], flush=True)
