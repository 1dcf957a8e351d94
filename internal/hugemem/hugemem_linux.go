package hugemem

import (
	"runtime"
	"syscall"
	"unsafe"
)

// madvHugepage is MADV_HUGEPAGE: back the range with transparent huge
// pages where the kernel allows it (mode "madvise" or "always").
const madvHugepage = 14

// Slice returns a zeroed slice of n values of T. Slices of 4 MiB or more are
// mapped outside the Go heap and marked for transparent huge pages; the
// mapping is released when owner (a pointer) is garbage-collected, so the
// slice must not outlive owner. T must hold no pointers: the collector does
// not scan the mapping. Any failure falls back to make.
func Slice[T, O any](owner *O, n int) []T {
	var zero T
	size := n * int(unsafe.Sizeof(zero))
	if size < minSize {
		return make([]T, n)
	}
	mem, err := syscall.Mmap(-1, 0, size, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	if err != nil {
		return make([]T, n)
	}
	_ = syscall.Madvise(mem, madvHugepage) // advice only: a refusal is fine
	runtime.AddCleanup(owner, func(mem []byte) { _ = syscall.Munmap(mem) }, mem)
	return unsafe.Slice((*T)(unsafe.Pointer(&mem[0])), n)
}
