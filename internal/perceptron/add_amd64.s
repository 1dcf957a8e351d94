#include "textflag.h"

// func addSSE(dst, src []float32): dst[i] += src[i] for i < len(src).
TEXT ·addSSE(SB), NOSPLIT, $0-48
	MOVQ	dst_base+0(FP), DI
	MOVQ	src_base+24(FP), SI
	MOVQ	src_len+32(FP), CX
loop8:
	CMPQ	CX, $8
	JLT	loop4
	MOVUPS	(DI), X0
	MOVUPS	16(DI), X1
	MOVUPS	(SI), X2
	MOVUPS	16(SI), X3
	ADDPS	X2, X0
	ADDPS	X3, X1
	MOVUPS	X0, (DI)
	MOVUPS	X1, 16(DI)
	ADDQ	$32, DI
	ADDQ	$32, SI
	SUBQ	$8, CX
	JMP	loop8
loop4:
	CMPQ	CX, $4
	JLT	tail
	MOVUPS	(DI), X0
	MOVUPS	(SI), X2
	ADDPS	X2, X0
	MOVUPS	X0, (DI)
	ADDQ	$16, DI
	ADDQ	$16, SI
	SUBQ	$4, CX
tail:
	TESTQ	CX, CX
	JEQ	done
	MOVSS	(DI), X0
	ADDSS	(SI), X0
	MOVSS	X0, (DI)
	ADDQ	$4, DI
	ADDQ	$4, SI
	DECQ	CX
	JMP	tail
done:
	RET

// func addAVX2(dst, src []float32): dst[i] += src[i] for i < len(src), eight
// at a time; needs AVX2.
TEXT ·addAVX2(SB), NOSPLIT, $0-48
	MOVQ	dst_base+0(FP), DI
	MOVQ	src_base+24(FP), SI
	MOVQ	src_len+32(FP), CX
avx16:
	CMPQ	CX, $16
	JLT	avx8
	VMOVUPS	(DI), Y0
	VMOVUPS	32(DI), Y1
	VADDPS	(SI), Y0, Y0
	VADDPS	32(SI), Y1, Y1
	VMOVUPS	Y0, (DI)
	VMOVUPS	Y1, 32(DI)
	ADDQ	$64, DI
	ADDQ	$64, SI
	SUBQ	$16, CX
	JMP	avx16
avx8:
	CMPQ	CX, $8
	JLT	avx4
	VMOVUPS	(DI), Y0
	VADDPS	(SI), Y0, Y0
	VMOVUPS	Y0, (DI)
	ADDQ	$32, DI
	ADDQ	$32, SI
	SUBQ	$8, CX
avx4:
	CMPQ	CX, $4
	JLT	avxtail
	VMOVUPS	(DI), X0
	VADDPS	(SI), X0, X0
	VMOVUPS	X0, (DI)
	ADDQ	$16, DI
	ADDQ	$16, SI
	SUBQ	$4, CX
avxtail:
	TESTQ	CX, CX
	JEQ	avxdone
	VMOVSS	(DI), X0
	VADDSS	(SI), X0, X0
	VMOVSS	X0, (DI)
	ADDQ	$4, DI
	ADDQ	$4, SI
	DECQ	CX
	JMP	avxtail
avxdone:
	VZEROUPPER
	RET
